__version__ = "1.4.0"


def greet(name):
    return f"hello {name} from acme-app {__version__}"
