"""The centre of gravity (COG) estimated from the centre of pressure (COP).

NeuroCom defines the limits-of-stability outputs on the COG, the body's centre, not on the COP
that a board measures. The two differ exactly when the body moves: to start a lean the COP
first steps *against* it (to tip the body over), and to stop it the COP overshoots (to brake),
so speed and straightness read from the COP describe the ankle torque, not the lean.

Method (Brenière 1996; Caron, Faure & Brenière 1997, J Biomech 30:1169-1171): the standing body
is a single inverted pendulum, ``COG'' = ω0²·(COG − COP)`` with ω0² = m·g·h / I, h the COG
height above the ankle and I the body's moment of inertia about the ankle. For oscillations of
angular frequency ω this gives COG(ω) = COP(ω)·ω0² / (ω0² + ω²): a low-pass filter whose cut-off
is the pendulum's own frequency. I = m·(h² + k²), with the radius of gyration about the COG
k² = 0.0533·H² antero-posterior and 0.0572·H² medio-lateral (H body height; Brenière 1996, as
used in Duarte's BMC ``cogve``), so the mass cancels: ω0² = g·h / (h² + k²). For H = 1.70 m and
h = 0.5527·H, ω0 ≈ 3.0 rad/s (0.48 Hz).

ω0² / (ω0² + ω²) = |ω0 / (ω0 + iω)|²: the same response as a first-order low-pass with corner
ω0 run forwards and then backwards. That is how it is computed here: in the time domain, with
the state started at the first and last samples (a person at rest before the cue and holding at
the end), so there is no wrap-around at the ends as with an FFT filter on a trial that ends
leaning. The input must be a uniform, finite series (the LOS pipeline resamples it first).
"""

from __future__ import annotations

import math

import numpy as np

GRAVITY_M_S2 = 9.81
GYRATION_AP = 0.0533  # k²/H², antero-posterior (Brenière 1996)
GYRATION_ML = 0.0572  # k²/H², medio-lateral


def pendulum_omega0(cog_height_mm: float, body_height_mm: float, gyration: float) -> float:
    """ω0 in rad/s of the body as an inverted pendulum about the ankle."""
    h = cog_height_mm / 1000.0
    k2 = gyration * (body_height_mm / 1000.0) ** 2
    return math.sqrt(GRAVITY_M_S2 * h / (h * h + k2))


def pendulum_lowpass(x: np.ndarray, fs_hz: float, omega0: float) -> np.ndarray:
    """First-order low-pass at ω0, forwards then backwards: |H|² = ω0² / (ω0² + ω²)."""
    from scipy.signal import lfilter

    a = math.exp(-omega0 / fs_hz)  # exact pole of the first-order lag sampled at fs
    b, den = [1.0 - a], [1.0, -a]
    forward, _ = lfilter(b, den, x, zi=[a * x[0]])
    backward, _ = lfilter(b, den, forward[::-1], zi=[a * forward[-1]])
    return np.asarray(backward[::-1])


def cog_from_cop(x_mm: np.ndarray, y_mm: np.ndarray, fs_hz: float, cog_height_mm: float,
                 body_height_mm: float) -> tuple[np.ndarray, np.ndarray]:
    """COG (x medio-lateral, y antero-posterior, mm) from a uniformly sampled COP trace."""
    x = np.asarray(x_mm, dtype=float)
    y = np.asarray(y_mm, dtype=float)
    if len(x) < 2:
        return x.copy(), y.copy()
    w_ml = pendulum_omega0(cog_height_mm, body_height_mm, GYRATION_ML)
    w_ap = pendulum_omega0(cog_height_mm, body_height_mm, GYRATION_AP)
    return (pendulum_lowpass(x, fs_hz, w_ml),
            pendulum_lowpass(y, fs_hz, w_ap))
