"""The agent that serves your app in its own interpreter: it loads the app, wraps it in the
watching middleware, serves it with the chosen server as installed there, and tells Chefline
what happens on its standard output, one line at a time.

It runs on the Python of your app's environment (3.9 or newer), not Chefline's: it imports
the standard library, the server, and nothing of Chefline. Chefline copies these files to a
folder of their own (``chefline.servers.your_app.staging``) and puts only that folder on the
child's path, so neither side's packages shadow the other's. Every import between its modules
is relative, which lets the same files run as ``chefline.agent`` (a frozen Chefline with no
Python of your app's) or as the staged ``chefline_agent``.
"""
