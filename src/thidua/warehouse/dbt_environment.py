"""The environment every dbt run of a home sees: where its databases, target and logs are."""

from __future__ import annotations

import os

from thidua.paths import BUILD_MEMORY_LIMIT, PROJECT_ROOT, Home

# the variables profiles.yml reads with env_var(); dbt reads its own DBT_* besides
PROFILE_VARIABLES = ("THIDUA_RAW_DB", "THIDUA_BUILD_DB", "THIDUA_MEMORY_LIMIT")


def dbt_environment(home: Home) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            **dict(
                zip(
                    PROFILE_VARIABLES,
                    (str(home.raw_db), str(home.build_db), BUILD_MEMORY_LIMIT),
                    strict=True,
                )
            ),
            "DBT_TARGET_PATH": str(home.dbt_target_dir),
            "DBT_LOG_PATH": str(home.dbt_log_dir),
            "DBT_PROFILES_DIR": str(PROJECT_ROOT),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DBT_VERSION_CHECK": "false",
        }
    )
    # dbt's file log at its default (debug) level writes every statement of every node, ~150 k
    # lines for a roster correction's build: ~0.8 s of a ~12 s build. Info keeps each node's
    # result and every error; `DBT_LOG_LEVEL_FILE=debug thidua build` brings the rest back.
    env.setdefault("DBT_LOG_LEVEL_FILE", "info")
    return env
