# Shared by scripts/check-buildout and scripts/check-production (sourced, not run):
# messages, and Zope servers started from a buildout instance's wsgi.ini.
# The caller sets NAME (the check's name in messages), START ($SECONDS) and WORK (a
# temporary folder), and calls stop_servers on exit.

SERVER_PIDS=()

fail() {
    echo "$NAME : ÉCHEC — $*" >&2
    exit 1
}

step() {
    echo "==> $* ($((SECONDS - START)) s)"
}

# start_server PART PORT: serve parts/PART on 127.0.0.1:PORT, exactly as
# `bin/PART console` does, from a copy of its wsgi.ini with only the port changed.
start_server() {
    local part=$1 port=$2 serve
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "le port $port est déjà occupé"
    fi
    sed "s/^fast-listen = .*/fast-listen = 127.0.0.1:$port/" "parts/$part/etc/wsgi.ini" \
        > "$WORK/$part.ini"
    grep -q "^fast-listen = 127.0.0.1:$port$" "$WORK/$part.ini" \
        || fail "parts/$part/etc/wsgi.ini n'a pas de ligne fast-listen"
    serve=$("parts/$part/bin/interpreter" -c \
        "import Zope2.Startup.serve as serve; print(serve.__file__)")
    # Monitor mode: the server gets its own process group and, unlike a plain
    # background job, does not ignore SIGINT, so it can be stopped cleanly.
    set -m
    INSTANCE_HOME=$PWD/parts/$part \
        "parts/$part/bin/interpreter" "$serve" "$WORK/$part.ini" >"$WORK/$part.log" 2>&1 &
    SERVER_PIDS+=($!)
    set +m
}

# wait_server PART PORT: until the server answers, or fail with its log.
wait_server() {
    local part=$1 port=$2 pid=${SERVER_PIDS[-1]} deadline=$((SECONDS + 120))
    until curl -s -o /dev/null "http://localhost:$port/"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$WORK/$part.log" >&2
            fail "$part s'est arrêtée au démarrage (journal ci-dessus)"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 30 "$WORK/$part.log" >&2
            fail "$part ne répond pas sur le port $port après 120 s"
        fi
        sleep 1
    done
    step "$part répond sur le port $port"
}

stop_servers() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            # SIGINT is Ctrl+C: Zope stops cleanly. Then TERM, then KILL if it hangs.
            kill -INT "$pid" 2>/dev/null || true
            for _ in $(seq 1 30); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.5
            done
            kill -TERM "$pid" 2>/dev/null && sleep 2 || true
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    SERVER_PIDS=()
}

# fetch URL FILE [CURL OPTIONS...]: the HTTP status, the body in FILE.
fetch() {
    local url=$1 file=$2
    shift 2
    curl -s -o "$file" -w '%{http_code}' "$@" "$url" || echo 000
}
