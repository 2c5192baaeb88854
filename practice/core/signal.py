"""The one audio format the whole studio works in, from the microphone to Whisper.

Whisper works on 16 kHz mono; recording at that rate avoids a resampling step, and the pause finder, the
streaming transcriber and the decoder all count samples at the same rate. Change it here or nowhere.
"""

#: Samples a second of every recording, decoded file and transcription window.
SAMPLE_RATE = 16_000
