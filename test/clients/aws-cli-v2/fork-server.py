# Runs `aws` calls for the AWS CLI v2 leg: each call is a new process forked from this one, which has imported the
# CLI once, running what /usr/bin/aws runs (awscli.clidriver.main) with the call's arguments and environment.
# A call costs the CLI's work, not another second of Python imports. What the CLI reads from the environment only on
# import (HOME for ~/.aws/models) is the server's, so calls that need their own HOME run /usr/bin/aws itself.
# Requests on stdin, one JSON a line: {"args": [...], "env": {...}}; replies on stdout: {"code", "stdout", "stderr"}.
import json
import os
import sys
import tempfile
import traceback

startup_env = dict(os.environ)
import awscli.clidriver  # noqa: E402 (what it sets in the environment on import, AWS_DATA_PATH, each call keeps)
import awscli.handlers  # noqa: E402,F401 (imported by every call's plugin loading)

set_by_import = {name: value for name, value in os.environ.items() if startup_env.get(name) != value}
replies = os.fdopen(os.dup(sys.stdout.fileno()), "w")


def call(args, env):
    """In the forked child: the body of /usr/bin/aws with fd 1 and 2 already pointing at the call's files."""
    os.environ.clear()
    os.environ.update(env)
    os.environ.update(set_by_import)
    if os.environ.get("LC_CTYPE", "") == "UTF-8":
        os.environ["LC_CTYPE"] = "en_US.UTF-8"
    sys.argv = ["aws", *args]
    try:
        code = awscli.clidriver.main()
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    except BaseException:
        traceback.print_exc()
        code = 255
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


for line in sys.stdin:
    request = json.loads(line)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            call(request["args"], request["env"])
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        reply = {"code": os.waitstatus_to_exitcode(status), "stdout": out.read().decode("utf-8", "replace"), "stderr": err.read().decode("utf-8", "replace")}
    replies.write(json.dumps(reply) + "\n")
    replies.flush()
