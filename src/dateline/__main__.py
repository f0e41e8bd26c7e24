from dateline.cli import app

app()
