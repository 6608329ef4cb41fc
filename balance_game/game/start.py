"""Starting a session for a player: their control mapping, the recorder, the session itself."""

from __future__ import annotations

from balance_game.core.control import ControlMap, Limits
from balance_game.core.difficulty import Caps
from balance_game.core.prescriptions import Prescription
from balance_game.game.scenes import GameContext
from balance_game.game.session import GameSession
from balance_game.i18n import load_language_data, prefer
from balance_game.storage.assessments import Calibration, get_calibration
from balance_game.storage.players import Player, PlayerSettings, get_caps, get_settings
from balance_game.storage.prescriptions import player_prescription
from balance_game.storage.progress import ProgressBook
from balance_game.storage.sessions import SessionRecorder, flush_interval_for


def control_for(player: Player | None, calibration: Calibration | None = None) -> ControlMap:
    """The player's mapping: their calibration, else theoretical limits from their height."""
    theoretical = Limits.theoretical(player.height_cm if player else None)
    return calibration.control(theoretical) if calibration else ControlMap(theoretical)


def therapist_caps(player_caps: Caps, prescription: Prescription | None) -> Caps:
    """The stricter of the caps set with `players set` and those of the prescription."""
    if prescription is None:
        return player_caps
    return Caps(max_difficulty=min(player_caps.max_difficulty, prescription.max_difficulty),
                max_lean_pct=min(player_caps.max_lean_pct, prescription.max_lean_pct),
                target_success=prescription.target_success)


def apply_settings(ctx: GameContext, settings: PlayerSettings) -> None:
    """Put a player's own settings into force in the running game: the language of every later
    word, the sound and speech, the text size (fonts are rebuilt, screens re-lay out on their next
    frame) and calm. Both the start of a session and the settings screen come through here, so a
    setting changed on the board acts exactly as one set before the session began."""
    prefer(settings.language)
    if not ctx.options.headless:
        load_language_data()
    ctx.sound.volume = settings.volume
    ctx.sound.speech = settings.speech and ctx.sound.can_speak
    ctx.sound.set_music_volume(settings.music_volume)
    ctx.theme.set_scale(settings.text_scale)
    ctx.theme.calm = settings.calm


def start_session(ctx: GameContext, player: Player) -> GameSession:
    ctx.end_session()
    ctx.current_player = player
    ctx.control = control_for(player, get_calibration(ctx.db, player.id))
    settings = get_settings(ctx.db, player)
    apply_settings(ctx, settings)
    recorder = SessionRecorder(ctx.db, player.id, ctx.source.name, ctx.options.seed,
                               attended=ctx.options.attended,
                               flush_interval_s=flush_interval_for(ctx.options.fast))
    prescription = player_prescription(ctx.db, player)
    caps = therapist_caps(get_caps(ctx.db, player), prescription)
    session = GameSession(recorder, ctx.control, player.weight_kg, ctx.options.seed,
                          ProgressBook(ctx.db, player.id), caps)
    session.orientation = settings.orientation
    session.prescription = prescription
    ctx.current_session = session
    recorder.add_event(ctx.t_s, "session_start", None, {"device": ctx.source.kind})
    return session
