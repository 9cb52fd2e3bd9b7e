"""Building the warehouse with dbt into a copy and publishing it when every test passed."""
