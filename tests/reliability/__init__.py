"""The reliability suite: every attack of issue 18, repeated at small sizes so none returns.

1 paused sessions end ............ test_session_limits
2 numbers finite and in range .... test_number_options, test_numbers_in_files
3 YAML with limits ............... test_yaml_attacks
4 bounded inputs ................. test_streams
5 stalled board pauses ........... test_stall
6 signals, busy database ......... test_signals_and_locks
7 replay is exact ................ test_replay_exact
8 the smaller ones ............... test_private_files, test_hostile_text, test_streams (BOM,
                                   backward time, impossible values), test_signals_and_locks
                                   (database deleted mid-session)

No test measures time; a subprocess timeout only turns a hang into a failure. The one memory
bound (replay from /dev/zero under 300 MB) is the issue's own.
"""
