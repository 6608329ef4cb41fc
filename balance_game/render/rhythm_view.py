"""Drawing the rhythm game on an open-air stage: a track on the shift axis with a target at each
end, a guide ring swinging in time with the metronome, a swinging metronome arm, a dancer who
sways the ideal way (and dips just before each beat), lights that pulse on the beat, and the
player's marker."""

from __future__ import annotations

import math

import pygame

from balance_game.core.control import Axes
from balance_game.core.mechanics.rhythm import AXES, RhythmWorld, ideal_position
from balance_game.i18n import N_, _, number
from balance_game.render import scenery
from balance_game.render.lean_widgets import centre_zone, marker, play_area
from balance_game.render.text import blit_text, fitting_font
from balance_game.render.theme import (
    ACCENT,
    BACKGROUND,
    OUTLINE,
    PANEL,
    PLAYER,
    TEXT,
    TEXT_DIM,
)
from balance_game.render.worlds import mix

BULBS = ((240, 228, 66), (86, 180, 233), (230, 159, 0), (204, 121, 167))  # Okabe-Ito
CURTAIN = (150, 30, 50)

# the words beside the targets: short, and in capitals in every language
LABELS = {("LR", 1): N_("RIGHT"), ("LR", -1): N_("LEFT"), ("FB", 1): N_("FORWARD"),
          ("FB", -1): N_("BACK")}


class RhythmView(scenery.SceneView[RhythmWorld]):
    material = "stage"

    def layout(self, surface: pygame.Surface) -> None:
        theme = self.theme
        area = play_area(surface, self.hud_bottom)
        self.area = area
        self.metronome_h = round(area.height * 0.22)
        self.centre_lr = (area.centerx,
                          area.top + self.metronome_h + (area.height - self.metronome_h) // 2)
        self.centre = self.centre_lr
        self.half_w = area.width * 0.46
        self.half_h = area.height * 0.46
        # the metronome stands above the track, or to its left when the track is upright
        self.pivot_lr = (area.centerx, area.top + theme.px(0.03))
        self.pivot_fb = (area.left + round(area.width * 0.12), area.centery - self.metronome_h // 2)
        self.pivot = self.pivot_lr
        self.scale = self.half_w
        self.curtain_w = round(area.width * 0.06)
        self.sky = pygame.Rect(0, 0, self.width, area.top)

    def paint_static(self, surface: pygame.Surface) -> None:
        """The world's sky behind an open stage: a floor of boards, curtains at both sides."""
        t, look = self.theme, self.look
        scenery.landscape(surface, look, round(self.height * 0.3))
        stage = self.area.inflate(t.px(0.02), t.px(0.02))
        pygame.draw.rect(surface, mix(CURTAIN, look.sky_bottom, 0.5), stage.inflate(t.px(0.02),
                                                                               t.px(0.02)),
                         border_radius=t.px(0.02))
        scenery.gradient(surface, stage, self.far_field, self.field)
        for x in range(stage.left + t.px(0.1), stage.right, t.px(0.1)):  # floor boards
            pygame.draw.line(surface, self.texture, (x, stage.top), (x, stage.bottom), 2)
        curtain = mix(CURTAIN, look.sky_bottom, 0.5)  # curtains in the world's light
        for side in (-1, 1):
            edge = stage.left if side < 0 else stage.right
            for k in range(4):  # folds
                x = edge - side * round(self.curtain_w * k / 4)
                pygame.draw.line(surface, curtain if k % 2 else mix(curtain, (0, 0, 0), 0.3),
                                 (x, stage.top), (x, stage.bottom),
                                 max(2, self.curtain_w // 4))

    def _lights(self, surface: pygame.Surface, world: RhythmWorld) -> None:
        """A row of bulbs along the stage's top edge: they brighten on each beat."""
        t = self.theme
        pulse = 0.0 if t.calm else max(0.0, 1.0 - world.beat_fraction * 4)
        r = max(3, t.px(0.009))
        y = self.area.top + round(r * 1.5)
        for k, x in enumerate(range(self.area.left + t.px(0.04), self.area.right, t.px(0.07))):
            colour = BULBS[k % len(BULBS)]
            pygame.draw.circle(surface, mix(mix(colour, BACKGROUND, 0.45), colour, pulse),
                               (x, y), r + round(r * 0.4 * pulse))

    def _dancer(self, surface: pygame.Surface, world: RhythmWorld, axis: str) -> None:
        """A figure swaying the ideal way: hips where a perfectly paced player's weight is. It
        dips at the knees just before each beat (anticipation), then straightens on it."""
        t = self.theme
        ux, _uy = AXES[axis]
        if ux:
            foot = (self.area.left + self.curtain_w + t.px(0.1), self.area.top + self.metronome_h
                    + t.px(0.1))
        else:
            foot = (self.area.right - self.curtain_w - t.px(0.09), self.area.centery + t.px(0.1))
        running = world.phase in ("countin", "shift") and world.current is not None
        offset = ideal_position(world, world.t_s) if running else (0.0, 0.0)
        along = offset[0] if ux else offset[1]
        lean = max(-0.6, min(0.6, along * 0.9))
        dip = 0.0
        if running and world.beat_fraction > 0.8:
            dip = math.sin((world.beat_fraction - 0.8) / 0.2 * math.pi)
        size = t.px(0.2)
        ink, w = TEXT_DIM, max(3, t.px(0.012))
        hip = (foot[0] + round(math.sin(lean) * size * 0.25), foot[1] - round(size * (
            0.42 - 0.1 * dip)))
        for dx in (-1, 1):  # legs: knees bend outward in the dip
            knee = (foot[0] + dx * round(size * (0.08 + 0.06 * dip)), foot[1] - size // 5)
            pygame.draw.lines(surface, ink, False, [(foot[0] + dx * size // 7, foot[1]), knee,
                                                     hip], w)
        neck = (hip[0] + round(math.sin(lean) * size * 0.38), hip[1] - round(math.cos(lean)
                                                                           * size * 0.38))
        skirt = [(hip[0], hip[1] - size // 6), (hip[0] - size // 6, hip[1] + size // 12),
                 (hip[0] + size // 6, hip[1] + size // 12)]
        pygame.draw.polygon(surface, BULBS[3], skirt)
        pygame.draw.line(surface, ink, hip, neck, w)
        for dx in (-1, 1):  # arms up in a V, the leading arm higher
            reach = 0.2 + 0.1 * dx * lean / 0.6
            hand = (neck[0] + dx * round(size * 0.3), neck[1] - round(size * reach))
            pygame.draw.line(surface, ink, neck, hand, w)
        head = max(5, size // 9)
        pygame.draw.circle(surface, ink, (neck[0] + round(math.sin(lean) * head * 1.4),
                                          neck[1] - round(head * 1.3)), head)

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        return (round(self.centre[0] + x * self.scale), round(self.centre[1] - y * self.scale))

    def _zoom(self, world: RhythmWorld, axis: str) -> None:
        """One scale for both axes (targets are round), chosen so that the targets sit well
        apart on the track whatever their distance, and the track fits the screen."""
        amp = world.current.amplitude if world.current is not None else world.amplitude
        span = self.half_w if axis == "LR" else self.half_h
        self.scale = span * 0.8 / max(amp + world.radius, 0.6)

    def draw_task(self, surface: pygame.Surface, world: RhythmWorld, axes: Axes,
                  trail: list[tuple[float, float]], now_s: float) -> None:
        t = self.theme
        axis = world.current.axis if world.current is not None else world.axis
        ux, uy = AXES[axis]
        self.pivot = self.pivot_lr if ux else self.pivot_fb
        self.centre = self.centre_lr if ux else self.area.center
        self._zoom(world, axis)
        amp = world.current.amplitude if world.current is not None else world.amplitude
        span = (self.half_w if ux else self.half_h) / self.scale
        far = self.to_screen(ux * span, uy * span)
        near = self.to_screen(-ux * span, -uy * span)
        pygame.draw.line(surface, PANEL, near, far, t.px(0.06))
        pygame.draw.line(surface, OUTLINE, near, far, max(2, t.px(0.004)))
        if world.phase == "centre":
            centre_r = round(world.centre_radius * self.scale)
            centre_zone(surface, t, self.centre, centre_r, world.settle_s, True)
        active = world.current.to_sign if world.current is not None else 0
        for sign in (-1, 1):
            self._target(surface, world, axis, sign * amp, sign, active == sign)
        if world.phase in ("countin", "shift") and world.current is not None:
            guide = self.to_screen(*ideal_position(world, world.t_s))
            pygame.draw.circle(surface, TEXT, guide, t.px(0.04), max(2, t.px(0.005)))
        if len(trail) > 1:
            pygame.draw.lines(surface, PLAYER, False, [self.to_screen(*p) for p in trail],
                              max(1, t.px(0.002)))
        x = max(-span, min(span, axes.lean_x))
        y = max(-span, min(span, axes.lean_y))
        self.focus = self.to_screen(x, y)
        marker(surface, t, self.focus)
        self._metronome(surface, world)
        self._lights(surface, world)
        self._dancer(surface, world, axis)

    def _target(self, surface: pygame.Surface, world: RhythmWorld, axis: str, offset: float,
                sign: int, active: bool) -> None:
        t = self.theme
        ux, uy = AXES[axis]
        pos = self.to_screen(ux * offset, uy * offset)
        r = max(8, round(world.radius * self.scale))
        if active:
            pygame.draw.circle(surface, ACCENT, pos, r, max(3, t.px(0.01)))
            fill = round(r * 0.85 * world.beat_fraction)
            if fill > 2:
                pygame.draw.circle(surface, ACCENT, pos, fill)
            # a chevron pointing outward marks the target to go to (shape, not only colour)
            d = t.px(0.035)
            tip = (pos[0] + round(ux * sign * (r + 2.2 * d)), pos[1] - round(uy * sign * (r + 2.2 * d)))
            base = (pos[0] + round(ux * sign * (r + d)), pos[1] - round(uy * sign * (r + d)))
            side = (round(-uy * d), round(-ux * d))
            pygame.draw.polygon(surface, ACCENT, [tip, (base[0] + side[0], base[1] + side[1]),
                                                  (base[0] - side[0], base[1] - side[1])])
        else:
            pygame.draw.circle(surface, OUTLINE, pos, r, max(2, t.px(0.005)))
        word = _(LABELS[(axis, sign)])
        # no wider than the target's own space, so the two ends' words never meet
        font = fitting_font(t, word, max(2 * r, t.px(0.12)), "small", bold=active)
        t.note_picture(surface, pygame.Rect(pos[0] - r, pos[1] - r, 2 * r, 2 * r), "target")
        colour = ACCENT if active else TEXT_DIM
        if ux and pos[1] + r + t.px(0.02) + font.get_linesize() > self.area.bottom:
            # no room below the target (a large text size): the word goes beyond its far side
            outer = pos[0] + sign * (r + t.px(0.02))
            anchor = {"midleft" if sign > 0 else "midright": (outer, pos[1])}
            blit_text(surface, t, word, font, colour, **anchor)
        elif ux:
            blit_text(surface, t, word, font, colour, midtop=(pos[0], pos[1] + r + t.px(0.02)))
        else:
            blit_text(surface, t, word, font, colour, midleft=(pos[0] + r + t.px(0.03), pos[1]))

    def _metronome(self, surface: pygame.Surface, world: RhythmWorld) -> None:
        """An arm that swings once per beat, with a bob that flashes on the beat."""
        t = self.theme
        length = self.metronome_h - t.px(0.05)
        base = (self.pivot[0], self.pivot[1] + length)
        shift = world.current if world.phase in ("countin", "shift") else None
        running = shift is not None
        swing = 0.0
        if shift is not None:
            side = shift.to_sign
            swing = -side * math.cos(math.pi * world.beat_fraction) * 0.5
        tip = (round(base[0] + math.sin(swing) * length), round(base[1] - math.cos(swing) * length))
        body_w = t.px(0.05)
        foot = base[1] + t.px(0.025)
        body = [(base[0] - body_w, foot), (base[0] + body_w, foot),
                (base[0] + body_w // 3, base[1] - length // 2),
                (base[0] - body_w // 3, base[1] - length // 2)]
        pygame.draw.polygon(surface, PANEL, body)
        pygame.draw.polygon(surface, OUTLINE, body, max(2, t.px(0.003)))
        pygame.draw.line(surface, OUTLINE, base, tip, max(3, t.px(0.008)))
        pygame.draw.circle(surface, OUTLINE, base, t.px(0.012))
        flash = running and world.beat_fraction < 0.12
        bob = t.px(0.022) if not flash else t.px(0.03)
        pygame.draw.circle(surface, ACCENT if flash else TEXT_DIM, tip, bob)
        pygame.draw.circle(surface, BACKGROUND, tip, bob, max(2, t.px(0.003)))
        reach = max(body_w, round(math.sin(0.5) * length) + bob)  # the widest swing
        t.note_picture(surface, pygame.Rect(base[0] - reach, base[1] - length - bob, 2 * reach,
                                            length + bob + t.px(0.025)), "metronome")
        if world.phase == "done":
            return
        pace = world.current.t_beat_s - world.current.t_start_s if world.current else world.pace_s
        words = _("{pace} s per shift").format(pace=number(pace, 1))
        left = base[0] + max(t.px(0.1), reach + t.px(0.02))
        font = fitting_font(t, words, surface.get_width() - left - t.px(0.01), "small")
        blit_text(surface, t, words, font, TEXT_DIM, midleft=(left, base[1] - length // 2))
