"""Signal processing on numpy arrays: calibration, centre of pressure, filters, sway measures.

Nothing here imports pygame or touches a device; every function is a pure computation.
"""
