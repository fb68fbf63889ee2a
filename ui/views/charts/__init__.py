"""The result's charts (QtCharts): spend by category, share by vendor, capacity vs demand."""
