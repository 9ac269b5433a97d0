"""The anchor of bench/public.py: the smallest Flask app, served by gunicorn with the same settings as the
service. Its requests/s is the framework's ceiling on this machine at this moment."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
@app.route("/healthz")
def index() -> str:
    return "Hello, World!"
