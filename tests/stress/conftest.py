def pytest_configure(config):
    config.addinivalue_line(
        "markers", "stress: slow tests that try to break the store (SIGKILL, concurrent writers); deselect with -m 'not stress'"
    )
