"""The servers that run an app in a thread of the app: werkzeug, waitress, uvicorn."""
