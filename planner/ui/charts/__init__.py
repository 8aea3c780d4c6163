"""Charts: one module per chart, each drawing a service dataclass with matplotlib.

matplotlib is imported only when the first chart is built (never with pyplot), so start-up and
the command line stay lean.
"""
