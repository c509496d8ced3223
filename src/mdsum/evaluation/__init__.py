"""Evaluation data: hand-written key-fact checklists, hand-labelled gold judgements, and how to read them.

A checklist (``eval/checklists/<cluster>.yaml``) lists the atomic key facts of one cluster with the
surface forms a judge needs; a gold file (``eval/gold/<cluster>.yaml``) labels summaries against every
fact by reading, so that automatic judges can be calibrated against people.
"""
