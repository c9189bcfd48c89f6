"""A Flask app whose route waits on something slow (a database, a model, a remote API).

chefline race --app examples/flask_kitchen.py:app --path /wait --server werkzeug -n 5
chefline race --app examples/flask_kitchen.py:app --path /wait --server werkzeug-threaded -n 5
"""

import time

from flask import Flask

app = Flask(__name__)

SLEEP_S = 0.3


@app.get("/wait")
def wait() -> dict[str, str]:
    time.sleep(SLEEP_S)  # one chef: everyone else waits; one thread per order: they overlap
    return {"dish": "served"}


@app.get("/mixed")
def mixed() -> dict[str, str]:
    deadline = time.thread_time() + 0.1
    while time.thread_time() < deadline:  # 0.1 s of Python: the chef's hands on the dish
        pass
    time.sleep(0.2)  # then 0.2 s at the pot
    return {"dish": "served"}


@app.get("/broken")
def broken() -> str:
    raise RuntimeError("the oven is off")
