"""The editorial mechanism: snapshots of entries, diffs, three-way merges and the
workflow that is the only write path to the live tables."""
