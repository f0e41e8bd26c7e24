"""The pipeline version: stored with every report so re-runs skip articles the same version already did.

Bump PIPELINE_VERSION whenever a change alters what extract produces for the same input.
"""

PIPELINE_VERSION = "0.1.0"
