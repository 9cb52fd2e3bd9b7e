"""thidua: the emulation-cluster warehouse."""
