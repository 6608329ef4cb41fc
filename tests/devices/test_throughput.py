from balance_game.demo.throughput import measure_reader_throughput


def test_reader_keeps_up_with_1_khz():
    result = measure_reader_throughput(rate_hz=1000, seconds=0.5)
    assert result["reports_per_s"] > 900
    assert result["drops"] == 0 and result["malformed"] == 0
