from balance_game.demo.throughput import measure_reader_throughput


def test_reader_runs_against_the_paced_fake_and_accounts_for_every_report():
    """Correctness only: whether it keeps up with 1 kHz depends on the machine's load, so that
    figure is `balance-game bench`'s (reader_drops_1khz), never a test's."""
    result = measure_reader_throughput(rate_hz=1000, seconds=0.5)
    assert result["reports_per_s"] > 0 and result["samples_per_s"] > 0
    assert result["malformed"] == 0 and result["drops"] >= 0
    assert result["seconds"] >= 0.5
