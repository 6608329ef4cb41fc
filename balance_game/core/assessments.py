"""The clinical tests: modified CTSIB (quiet stance), limits of stability, weight symmetry.

Each test is a protocol of timed steps (game/protocols.py) and a function that turns what was
recorded into results with the standard posturography measures (dsp/). Results are plain
dictionaries ready for the database and the exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from balance_game.core.control import DEFAULT_HEIGHT_CM, Limits
from balance_game.core.protocols import Capture, Step
from balance_game.i18n import N_, phrase, stored

KINDS = ("quiet", "los", "symmetry")
CONDITIONS = (
    ("eo_firm", N_("eyes open"), N_("firm")),
    ("ec_firm", N_("eyes closed"), N_("firm")),
    ("eo_foam", N_("eyes open"), N_("foam")),
    ("ec_foam", N_("eyes closed"), N_("foam")),
)
LOS_ORDER = ("F", "FR", "R", "BR", "B", "BL", "L", "FL")
LOS_WORDS = {"F": N_("forward"), "FR": N_("forward and right"), "R": N_("to the right"),
             "BR": N_("back and right"), "B": N_("backward"), "BL": N_("back and left"),
             "L": N_("to the left"), "FL": N_("forward and left")}
LOS_TRIAL_S = 8.0
# LOS outputs describe the movement of the body, not the jitter of the centre of pressure:
# the trace is resampled like the standard pipeline and low-passed at 5 Hz before analysis.
LOS_CUTOFF_HZ = 5.0
LOS_BASELINE_S = 1.5
SYMMETRY_S = 10.0


@dataclass(frozen=True)
class QuietOptions:
    seconds: float = 30.0
    eyes_closed: bool = True
    foam: bool = True


def quiet_steps(options: QuietOptions) -> list[Step]:
    steps: list[Step] = []
    for key, eyes, surface in CONDITIONS:
        if (eyes == "eyes closed" and not options.eyes_closed) or (
                surface == "foam" and not options.foam):
            continue
        where = phrase("on the foam pad") if surface == "foam" else phrase("on the board")
        closed = eyes == "eyes closed"
        foam = surface == "foam"
        stand = (phrase("Stand {where} with your feet together and arms by your sides. Look "
                        "straight ahead. Close your eyes at the tone; open them at the next. Hold "
                        "your support if you need to.", where=where) if closed else
                 phrase("Stand {where} with your feet together and arms by your sides. Look "
                        "straight ahead. Hold your support if you need to.", where=where))
        steps.append(Step(key, phrase("Stand still, {eyes}", eyes=phrase(eyes)), stand,
                          5.0, wait_still=True, foam=foam, stance="together"))
        steps.append(Step(key, phrase("Hold still ({eyes}, {surface})", eyes=phrase(eyes),
                                      surface=phrase(surface)),
                          phrase("Stay as still as you can. Eyes closed.") if closed
                          else phrase("Stay as still as you can."),
                          options.seconds, record=True, cue="beat", phase="record",
                          eyes_closed=closed, foam=foam, stance="together"))
    return steps


def los_steps(limits: Limits, height_cm: float | None = None) -> list[Step]:
    """Eight leans, each toward the theoretical limit in its direction (from the player's
    height, never from limits an earlier test measured: the test must not rescale itself)."""
    steps: list[Step] = []
    for direction in LOS_ORDER:
        words = phrase(LOS_WORDS[direction])
        steps.append(Step(f"los-{direction}", phrase("Stand still in the middle"),
                          phrase("When you hear the tone, lean {direction} as far as you safely "
                                 "can, quickly and in a straight line, and hold it.",
                                 direction=words),
                          LOS_BASELINE_S, record=True, wait_still=True, phase="baseline"))
        steps.append(Step(f"los-{direction}", phrase("Lean {direction} and hold", direction=words),
                          phrase("Keep your feet flat and your body straight; move at the ankles."),
                          LOS_TRIAL_S, goal=_theoretical_goal(direction, limits, height_cm),
                          record=True, cue="beat", phase="go", far_leans=True))
        steps.append(Step(f"return-{direction}", phrase("Come back to the middle"),
                          phrase("Relax for a moment."),
                          2.0, far_leans=True))
    return steps


def _theoretical_goal(direction: str, limits: Limits,
                      height_cm: float | None) -> tuple[float, float]:
    """The theoretical limit toward ``direction`` in the lean units of the current limits."""
    from balance_game.dsp.los import cog_height_mm, theoretical_limit_mm

    reach = theoretical_limit_mm(direction, cog_height_mm(_body_mm(height_cm)))
    ux, uy = _unit(direction)
    x, y = reach * ux, reach * uy
    return (x / (limits.right_mm if x >= 0 else limits.left_mm),
            y / (limits.forward_mm if y >= 0 else limits.back_mm))


def _body_mm(height_cm: float | None) -> float:
    return (height_cm or DEFAULT_HEIGHT_CM) * 10.0


def symmetry_steps() -> list[Step]:
    return [
        Step("symmetry", phrase("Stand evenly"),
             phrase("Stand with your feet apart, as you normally stand."),
             3.0, wait_still=True),
        Step("symmetry", phrase("Hold still"), phrase("Stay still and relaxed."), SYMMETRY_S, record=True,
             phase="record"),
    ]


def steps_for(kind: str, limits: Limits, quiet: QuietOptions,
              height_cm: float | None = None) -> list[Step]:
    if kind == "quiet":
        return quiet_steps(quiet)
    if kind == "los":
        return los_steps(limits, height_cm)
    return symmetry_steps()


def _unit(direction: str) -> tuple[float, float]:
    from balance_game.dsp.los import direction_vector

    v = direction_vector(direction)
    return float(v[0]), float(v[1])


def _arrays(capture: Capture) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t = np.array([s.t_s for s in capture.samples])
    x = np.array([s.cop_x_mm for s in capture.samples])
    y = np.array([s.cop_y_mm for s in capture.samples])
    return t, x, y


# --- results ----------------------------------------------------------------------------------
def quiet_results(captures: dict[str, Capture]) -> dict[str, Any]:
    """Sway measures per condition (standard pipeline) and the Romberg quotients."""
    from balance_game.dsp.sway import compute_measures

    conditions: dict[str, Any] = {}
    for key, eyes, surface in CONDITIONS:
        capture = captures.get(key)
        if capture is None:
            continue
        entry: dict[str, Any] = {"eyes": eyes, "surface": surface,
                                 "stopped": capture.stopped or None}
        if capture.samples:
            t, x, y = _arrays(capture)
            entry["measures"] = compute_measures(t, x, y, pipeline="standard").to_dict()
        else:
            entry["measures"] = None
        conditions[key] = entry
    return {"pipeline": "standard", "conditions": conditions, "romberg": _romberg(conditions)}


def _romberg(conditions: dict[str, Any]) -> dict[str, float | None]:
    def ratio(closed: str, opened: str, measure: str) -> float | None:
        a, b = conditions.get(closed), conditions.get(opened)
        if not a or not b or not a["measures"] or not b["measures"]:
            return None
        if a["stopped"] or b["stopped"] or not (a["measures"]["valid"] and b["measures"]["valid"]):
            return None
        denominator = b["measures"][measure]
        return round(a["measures"][measure] / denominator, 3) if denominator else None

    return {
        "firm_velocity": ratio("ec_firm", "eo_firm", "mean_velocity_mm_s"),
        "firm_area": ratio("ec_firm", "eo_firm", "ellipse95_area_mm2"),
        "foam_velocity": ratio("ec_foam", "eo_foam", "mean_velocity_mm_s"),
        "foam_area": ratio("ec_foam", "eo_foam", "ellipse95_area_mm2"),
    }


def los_results(captures: dict[str, Capture], neutral: tuple[float, float],
                height_cm: float | None) -> dict[str, Any]:
    """LOS outputs on the centre of gravity, in mm and % of the theoretical limits.

    The COP of each lean is resampled and smoothed like the standard pipeline, turned into the
    COG (dsp/cog.py) and analysed (dsp/los.py). ``limits_mm`` (the furthest COG excursion on the
    four axes) is what the games may scale to; nothing here depends on earlier limits.
    """
    from balance_game.dsp.cog import cog_from_cop
    from balance_game.dsp.los import (
        LosDirectionResult,
        LosTrial,
        analyse_los,
        cog_height_mm,
        theoretical_limit_mm,
    )

    body_mm = _body_mm(height_cm)
    cog_h = cog_height_mm(body_mm)
    limits = {d: theoretical_limit_mm(d, cog_h) for d in LOS_ORDER}
    trials, broken = [], []
    for direction in LOS_ORDER:
        capture = captures.get(f"los-{direction}")
        if capture is None or "go" not in capture.step_starts or capture.stopped:
            continue
        smoothed = _smoothed(*_arrays(capture))
        if smoothed is None:
            broken.append(LosDirectionResult(direction, reason=(
                N_("the board's stream had a gap during the lean: repeat this direction"))))
            continue
        t, x, y, fs = smoothed
        gx, gy = cog_from_cop(x - neutral[0], y - neutral[1], fs, cog_h, body_mm)
        trials.append(LosTrial(direction, t, gx, gy, capture.step_starts["go"], limits[direction]))
    report = analyse_los(trials, cog_h)
    found = {r.direction: r for r in (*report.directions, *broken)}
    directions = {d: _clean(found[d].__dict__) for d in LOS_ORDER if d in found}
    stopped = {d: captures[f"los-{d}"].stopped for d in LOS_ORDER
               if f"los-{d}" in captures and captures[f"los-{d}"].stopped}
    area = report.polygon_area_mm2
    return {"trace": "cog", "cog_method": COG_METHOD,
            "body_height_cm": round(body_mm / 10.0, 1), "height_assumed": height_cm is None,
            "cog_height_mm": round(cog_h, 1),
            "theoretical_limits_mm": {d: round(v, 1) for d, v in limits.items()},
            "directions": directions, "polygon_area_mm2": _round(area),
            "polygon_pct_of_theoretical": _round(None if area is None else 100.0 * area /
                                                 _theoretical_area(limits)),
            "stopped": stopped, "limits_mm": measured_limits(directions)}


COG_METHOD = ("centre of gravity from the centre of pressure, inverted-pendulum low-pass "
              "(Caron et al. 1997)")


def _theoretical_area(limits: dict[str, float]) -> float:
    from balance_game.dsp.los import los_polygon_area_mm2

    return los_polygon_area_mm2(limits)


def _smoothed(t: np.ndarray, x: np.ndarray,
              y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    """Uniform 100 Hz, 5 Hz zero-lag low-pass; None when the stream has a gap (the COG filter
    needs an unbroken series)."""
    from balance_game.dsp.filters import lowpass_zero_lag, min_filter_length
    from balance_game.dsp.resample import resample_uniform

    if len(t) < 2:
        return None
    uniform = resample_uniform(t, x, y)
    if uniform.gaps_s:
        return None
    t, x, y, fs = uniform.t_s, uniform.x_mm, uniform.y_mm, uniform.fs_hz
    if len(t) <= min_filter_length():
        return t, x, y, fs
    both = lowpass_zero_lag(np.vstack([x, y]), fs, LOS_CUTOFF_HZ)
    return t, both[0], both[1], fs


def measured_limits(directions: dict[str, Any]) -> dict[str, float] | None:
    """The player's own limits from the four cardinal directions, when all four were measured."""
    names = {"L": "left_mm", "R": "right_mm", "F": "forward_mm", "B": "back_mm"}
    values = {}
    for direction, name in names.items():
        reached = (directions.get(direction) or {}).get("max_excursion_mm")
        if not reached or reached <= 10.0:
            return None
        values[name] = round(reached, 1)
    return values


def symmetry_results(captures: dict[str, Capture]) -> dict[str, Any]:
    capture = captures.get("symmetry")
    loaded = [s.corners_kg for s in capture.samples if s.corners_kg] if capture else []
    if capture is None or not loaded:
        return {"valid": False, "reason": N_("weight bearing needs a balance board (load cells)")}
    corners = np.array(loaded)  # tl, tr, bl, br
    total = corners.sum(axis=1)
    keep = total > 10.0
    if keep.sum() < 50:
        return {"valid": False, "reason": N_("nobody stood on the board long enough")}
    c = corners[keep]
    t = total[keep]
    left = (c[:, 0] + c[:, 2]) / t * 100
    front = (c[:, 0] + c[:, 1]) / t * 100
    return {"valid": True, "reason": None, "stopped": (capture.stopped if capture else "") or None,
            "left_pct": _round(float(left.mean())), "right_pct": _round(float(100 - left.mean())),
            "front_pct": _round(float(front.mean())), "back_pct": _round(float(100 - front.mean())),
            "body_weight_kg": _round(float(t.mean()))}


def _shown(value: float | None, digits: int) -> str:
    return phrase("n/a") if value is None else f"{value:.{digits}f}"


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in values.items()}


def summarise(kind: str, results: dict[str, Any]) -> Sequence[str]:
    """A few lines for the terminal and the results screen."""
    if kind == "quiet":
        lines = []
        for key, c in results["conditions"].items():
            m = c["measures"]
            if c["stopped"]:
                lines.append(phrase("{eyes}, {surface}: stopped ({reason})", eyes=phrase(c["eyes"]),
                                    surface=phrase(c["surface"]), reason=c["stopped"]))
            elif m and m["valid"]:
                lines.append(phrase("{eyes}, {surface}: velocity {velocity:.1f} mm/s, area "
                                    "{area:.0f} mm²", eyes=phrase(c["eyes"]),
                                    surface=phrase(c["surface"]),
                                    velocity=m["mean_velocity_mm_s"], area=m["ellipse95_area_mm2"]))
            else:
                lines.append(phrase("{condition}: not valid ({reason})", condition=key,
                                    reason=m["reason"] if m else phrase("no data")))
        rq = results["romberg"]["firm_velocity"]
        lines.append(phrase("Romberg quotient (velocity, firm): {quotient}",
                            quotient=rq if rq is not None else phrase("n/a")))
        return lines
    if kind == "los":
        lines = []
        for d, r in results["directions"].items():
            if r["reason"]:
                lines.append(phrase("{direction}: not valid ({reason})",
                                    direction=phrase(LOS_WORDS[d]), reason=stored(r["reason"])))
                continue
            lines.append(phrase("{direction}: reached {mm} mm ({reached} % of the limit), "
                                "reaction {reaction} s, control {control} %",
                                direction=phrase(LOS_WORDS[d]),
                                mm=_shown(r["max_excursion_mm"], 0),
                                reached=_shown(r["max_excursion_pct"], 0),
                                reaction=_shown(r["reaction_time_s"], 2),
                                control=_shown(r["directional_control_pct"], 0)))
        area = results["polygon_area_mm2"]
        lines.append(phrase("area of your limits: {area:.0f} cm² ({pct:.0f} % of the theoretical)",
                            area=area / 100, pct=results["polygon_pct_of_theoretical"])
                     if area is not None else
                     phrase("area of your limits: not measured in every direction"))
        if results.get("height_assumed"):
            lines.append(phrase("height not known: limits computed for 170 cm"))
        return lines
    if not results["valid"]:
        return [results["reason"]]
    return [phrase("left {left}% / right {right}%", left=results["left_pct"],
                   right=results["right_pct"]),
            phrase("front {front}% / back {back}%", front=results["front_pct"],
                   back=results["back_pct"])]
