# Shared install steps for scripts/test and scripts/devnet. Each step is idempotent.

need_root() { if [ "$(id -u)" -ne 0 ]; then echo "sudo"; fi; }

setup_rocksdb() {
  if ! ldconfig -p | grep -q 'librocksdb.so.7.8'; then
    echo "installing librocksdb7.8 (Debian package)"
    $(need_root) apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $(need_root) apt-get install -y -qq librocksdb7.8 >/dev/null
  fi
}

setup_npm() {
  if [ ! -d tests/js/node_modules ] || [ tests/js/package-lock.json -nt tests/js/node_modules/.package-lock.json ]; then
    echo "installing npm test dependencies (npm ci)"
    (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_dotnet() {
  dotnet restore Maci.Chain.sln --nologo -v quiet
}

setup_all() {
  setup_rocksdb
  setup_npm
  setup_dotnet
}
