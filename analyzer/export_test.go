package analyzer

// WithNaiveForm returns cfg set to build every package in naive-form SSA.
func WithNaiveForm(cfg Config) Config {
	cfg.naiveForm = true
	return cfg
}
