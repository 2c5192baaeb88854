"""The interview-practice studio: everything that touches a person, a device, a file or a model.

Scoring lives in the separate pure library `feedback`.
"""

__version__ = "0.1.0"
