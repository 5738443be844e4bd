#!/usr/bin/env bash
# Builds a minimal Java 17 base image as a `docker save` tarball from the JDK on this machine, for Jib's
# tar:// base images, where no container registry can be reached (Jib pulls eclipse-temurin:17-jre
# otherwise). The image: a jlink'ed JRE in /opt/java/openjdk, the few glibc libraries it links against,
# a passwd entry for the non-root user 65532, and /tmp. Prints the tarball's path.
#
# Usage: deploy/jib/local-base-image.sh [output.tar]     (needs JDK 17 with jmods, tar, sha256sum)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/target/streamvane-jre17-base.tar}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
[ -d "$java_home/jmods" ] || { echo "no jmods in $java_home (need a full JDK 17)" >&2; exit 1; }
"$java_home/bin/java" -version 2>&1 | grep -q 'version "17' || { echo "$java_home is not JDK 17" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/home/nonroot" "$root/lib64" "$root/lib/x86_64-linux-gnu"
chmod 1777 "$root/tmp"

# A JRE with what Spring Boot, JDBC/TLS, JMX/JFR and DNS need.
"$java_home/bin/jlink" --module-path "$java_home/jmods" \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.httpserver,jdk.jfr,jdk.localedata \
  --include-locales en \
  --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$root/opt/java/openjdk" >/dev/null

# Shared libraries the JRE links against (glibc, libstdc++, libz ...), copied from this machine.
libs="$( (ldd "$root/opt/java/openjdk/bin/java"; find "$root/opt/java/openjdk/lib" -name '*.so' -exec ldd {} \; ) 2>/dev/null \
  | awk '/=> \//{print $3} /^\s*\/lib64\//{print $1}' | sort -u)"
for lib in $libs /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$lib" ] || continue
  case "$lib" in
    /lib64/*) cp -L "$lib" "$root/lib64/" ;;
    *) cp -L "$lib" "$root/lib/x86_64-linux-gnu/" ;;
  esac
done
[ -e "$root/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
chown -R 65532:65532 "$root/home/nonroot" 2>/dev/null || true

layer="$work/layer.tar"
tar --sort=name --mtime='1970-01-01 00:00:00Z' --owner=0 --group=0 --numeric-owner -C "$root" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
layer_name="$(sha256sum "$layer" | cut -d' ' -f1).tar"

config="$work/config.json"
cat > "$config" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
  "User":"65532:65532","WorkingDir":"/home/nonroot",
  "Labels":{"org.opencontainers.image.title":"streamvane-jre17-base","org.opencontainers.image.description":"jlink JRE 17 from the build machine's JDK"}},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/jib/local-base-image.sh"}]}
JSON
config_name="$(sha256sum "$config" | cut -d' ' -f1).json"

image="$work/image"
mkdir -p "$image"
mv "$layer" "$image/$layer_name"
mv "$config" "$image/$config_name"
printf '[{"Config":"%s","RepoTags":["streamvane/jre17-base:local"],"Layers":["%s"]}]\n' "$config_name" "$layer_name" > "$image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --mtime='1970-01-01 00:00:00Z' --owner=0 --group=0 -C "$image" -cf "$out" manifest.json "$config_name" "$layer_name"
readlink -f "$out"
