"""The talk in a room: scenes, keys from anywhere, speaker notes, the help, the comparison
table, the spotlight."""
