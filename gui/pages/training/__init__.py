"""培训: training records and the yearly figures."""
