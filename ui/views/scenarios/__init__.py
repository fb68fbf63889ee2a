"""The Scenarios page: what-ifs, stress tests, trade-off curves and Monte Carlo."""
