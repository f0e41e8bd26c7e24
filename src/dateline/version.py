"""The pipeline version: stored with every report so re-runs skip articles the same version already did.

Bump PIPELINE_VERSION whenever a change alters what extract produces for the same input.
"""

PIPELINE_VERSION = "0.3.5"  # 0.3.5: a vague recent time and a crowd's acts in the decision, products, peerages and
# works' titles no places, a world city not its namesake for an acting country
# 0.3.4: clause words under a stronger prior in the decision, statements round four, places
# in lists and by a town's surroundings, a big city abroad over a small namesake
# 0.3.3: later incidents' anchors in the decision, statements round three, persons in apposition and
# an international outlet's home no longer places, a long revised-toll phrase
# 0.3.2: notes keep a group's branch and a later toll, statements round two, places
# 0.3.1: notes as a coder writes them, statements behind "said", names that are no places
# 0.3: target evidence, tolls, sides, places and dates as coded since 0.2
# 0.2: confidence is the learned decision's probability
