"""Performance tooling: the synthetic "GTD scale" data set and the benchmark of BENCHMARK.md.

``generate`` builds the data set with bulk inserts from a fixed seed; ``bench`` runs the
operations O1-O13 against whatever database the settings point at and compares each
figure with a raw-SQL baseline measured in the same run. Neither is imported by the
site itself.
"""
