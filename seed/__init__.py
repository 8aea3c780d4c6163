"""The role catalog as data (see README.md); shipped inside the package as planner.seed."""
