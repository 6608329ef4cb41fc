"""The signal processing must run where pygame is absent (analysis machines, CI, the CLI)."""

import subprocess
import sys


def test_dsp_modules_do_not_import_pygame():
    code = (
        "import sys\n"
        "import balance_game.dsp.filters, balance_game.dsp.los, balance_game.dsp.resample\n"
        "import balance_game.dsp.spectrum, balance_game.dsp.sway\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
