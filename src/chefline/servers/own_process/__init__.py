"""Kitchens in processes of their own (gevent, gunicorn): the app's side and the child's."""
