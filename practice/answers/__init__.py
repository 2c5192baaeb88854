"""One answer from end to end: save -> transcribe -> score, with the attempt row written first so a
recording can never be lost; the same path for answers recovered after a crash; scoring from the command line.

It may import everything below it (core, storage, audio, stt) and `feedback`; never prep, reports, the
composition root or a front end.
"""
