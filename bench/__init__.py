"""Speed and memory benchmarks (never timed unit tests). Run: python -m bench [--articles N]."""
