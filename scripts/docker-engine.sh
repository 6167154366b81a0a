#!/usr/bin/env bash
# Brings up a local Docker engine for perf-harness on a Debian machine that has none,
# and builds, without any registry, the images the Docker-backed tests use.
#
# Why it exists: the machines this project is built and tested on have no Docker engine
# running and reach no image registry. Debian's docker.io gives an engine; the images are
# made with `docker import` from binaries of Debian packages (redis-server, busybox,
# docker-registry) under names of our own, so no pull is ever attempted.
#
# The engine runs with --bridge=none --iptables=false: containers use host networking and
# every byte of test traffic stays on 127.0.0.1.
#
# Idempotent: when an engine already answers and the images exist, it returns in seconds.
# Usage: scripts/docker-engine.sh [--check]   (--check only reports, changes nothing)
set -euo pipefail

IMAGE_PREFIX="${HARNESS_IMAGE_PREFIX:-perf-harness}"
REDIS_IMAGE="$IMAGE_PREFIX/redis:7"
BUSYBOX_IMAGE="$IMAGE_PREFIX/busybox:1"
REGISTRY_IMAGE="$IMAGE_PREFIX/registry:2"
DOCKERD_LOG="/var/log/perf-harness-dockerd.log"
ENGINE_ENV="$HOME/.config/perf-harness/engine.env"
HARNESS_USER_SETTINGS="$HOME/.config/perf-harness/harness.properties"
DOCKER=/usr/bin/docker   # Debian's client matches Debian's engine; another client may sit earlier on PATH

say() { printf 'docker-engine: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

engine_answers() { [ -x "$DOCKER" ] && timeout 10 "$DOCKER" info >/dev/null 2>&1; }
image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

if [ "${1:-}" = "--check" ]; then
  engine_answers || { say "no engine answers"; exit 1; }
  for image in "$REDIS_IMAGE" "$BUSYBOX_IMAGE" "$REGISTRY_IMAGE"; do
    image_exists "$image" || { say "missing image $image"; exit 1; }
  done
  say "engine answers; images present"; exit 0
fi

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /usr/bin/docker ] || missing+=(docker.io)
  [ -x /bin/busybox ] && file_is_static /bin/busybox || missing+=(busybox-static)
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "packages ${missing[*]} are missing and this is not root: install them or run as root"
  command -v apt-get >/dev/null 2>&1 || die "packages ${missing[*]} are missing and there is no apt-get: install a Docker engine by hand"
  say "installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  # policy-rc.d 101: Debian's maintainer scripts must not start redis-server or dockerd as services.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

file_is_static() { ! ldd "$1" >/dev/null 2>&1; }

start_engine() {
  engine_answers && return 0
  [ "$(id -u)" -eq 0 ] || die "no Docker engine answers and this is not root, so dockerd cannot be started"
  say "starting dockerd --bridge=none --iptables=false (log: $DOCKERD_LOG)"
  # setsid: the engine outlives this script and the shell that called it.
  setsid dockerd --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
    >>"$DOCKERD_LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    engine_answers && { say "engine is up"; return 0; }
    sleep 0.5
  done
  tail -20 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not answer within 30 s; see $DOCKERD_LOG"
}

# Copies a dynamically linked binary and every library it loads into a root filesystem.
copy_with_libraries() {
  local binary="$1" rootfs="$2"
  install -D "$binary" "$rootfs$binary"
  ldd "$binary" 2>/dev/null | grep -oE '/[^ ]+' | while read -r lib; do
    [ -e "$lib" ] && install -D "$(readlink -f "$lib")" "$rootfs$lib"
  done
}

import_rootfs() {
  local image="$1" rootfs="$2"; shift 2
  tar -C "$rootfs" -c . | "$DOCKER" import "$@" - "$image" >/dev/null
  say "built $image"
}

new_rootfs() {
  local rootfs; rootfs=$(mktemp -d)
  mkdir -p "$rootfs"/{bin,tmp,data,etc}
  chmod 1777 "$rootfs/tmp"
  install /bin/busybox "$rootfs/bin/busybox"
  ln -s busybox "$rootfs/bin/sh"
  echo 'root:x:0:0:root:/:/bin/sh' > "$rootfs/etc/passwd"
  echo 'root:x:0:' > "$rootfs/etc/group"
  echo "$rootfs"
}

build_images() {
  local rootfs
  if ! image_exists "$BUSYBOX_IMAGE"; then
    rootfs=$(new_rootfs)
    for applet in $(/bin/busybox --list); do [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"; done
    import_rootfs "$BUSYBOX_IMAGE" "$rootfs" --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin'
    rm -rf "$rootfs"
  fi
  if ! image_exists "$REDIS_IMAGE"; then
    rootfs=$(new_rootfs)
    copy_with_libraries /usr/bin/redis-server "$rootfs"
    import_rootfs "$REDIS_IMAGE" "$rootfs" \
      --change 'ENTRYPOINT ["/usr/bin/redis-server"]' \
      --change 'CMD ["--port", "6379", "--protected-mode", "no", "--save", "", "--appendonly", "no"]' \
      --change 'EXPOSE 6379' --change 'WORKDIR /data'
    rm -rf "$rootfs"
  fi
  if ! image_exists "$REGISTRY_IMAGE"; then
    rootfs=$(new_rootfs)
    copy_with_libraries /usr/bin/docker-registry "$rootfs"
    mkdir -p "$rootfs/etc/docker/registry" "$rootfs/var/lib/registry"
    cat > "$rootfs/etc/docker/registry/config.yml" <<'YAML'
version: 0.1
storage:
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YAML
    import_rootfs "$REGISTRY_IMAGE" "$rootfs" \
      --change 'ENTRYPOINT ["/usr/bin/docker-registry"]' \
      --change 'CMD ["serve", "/etc/docker/registry/config.yml"]' --change 'EXPOSE 5000'
    rm -rf "$rootfs"
  fi
}

# Testcontainers reads these two from the process environment only: Ryuk's image cannot be pulled
# here, and these machines' /.dockerenv makes Testcontainers look for a bridge gateway that
# --bridge=none removed. bin/harness and bin/test source this file when it exists.
configure_testcontainers() {
  mkdir -p "$(dirname "$ENGINE_ENV")"
  local temporary; temporary=$(mktemp "$ENGINE_ENV.XXXXXX")
  cat > "$temporary" <<'ENV'
# written by scripts/docker-engine.sh: Testcontainers on a local engine without a registry or a bridge
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
ENV
  mv "$temporary" "$ENGINE_ENV"
}

# The harness's own settings for this machine: local images, no pulls, host networking, no Ryuk.
# Kept in the user's settings file, so ordinary machines keep the official images and bridge networking.
configure_harness() {
  mkdir -p "$(dirname "$HARNESS_USER_SETTINGS")"
  local temporary; temporary=$(mktemp "$HARNESS_USER_SETTINGS.XXXXXX")
  { [ -f "$HARNESS_USER_SETTINGS" ] && grep -vE '^(containers\.(network|pull|ryuk|image\.(redis|busybox|registry))=|# written by scripts/docker-engine.sh)' "$HARNESS_USER_SETTINGS"
    echo "# written by scripts/docker-engine.sh: this machine reaches no image registry"
    echo "containers.network=host"
    echo "containers.pull=never"
    echo "containers.ryuk=disabled"
    echo "containers.image.redis=$REDIS_IMAGE"
    echo "containers.image.busybox=$BUSYBOX_IMAGE"
    echo "containers.image.registry=$REGISTRY_IMAGE"
  } > "$temporary" || true
  mv "$temporary" "$HARNESS_USER_SETTINGS"
}

install_packages
start_engine
build_images
configure_testcontainers
configure_harness
say "ready: $("$DOCKER" version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}'); images $REDIS_IMAGE $BUSYBOX_IMAGE $REGISTRY_IMAGE"
