#!/usr/bin/env bash
# Creates and starts the two standalone Artemis brokers of the city-province link from the official distribution
# (Maven Central: org.apache.activemq:apache-artemis:2.44.0, classifier bin, type tar.gz): the city's (龙岩 350800,
# core on 127.0.0.1:61617) and the province's (福建 350000, core on 127.0.0.1:61618), each with this folder's
# broker.xml, its own journal, and the bridge up (city → province) or down (province → city). See artemis/README.md.
#
#   artemis/create-brokers.sh            create (once) and start both
#   artemis/create-brokers.sh stop       stop both
#   artemis/create-brokers.sh status
#
# Environment: HUIJU_BROKERS (where the distribution and the instances go; default artemis/target),
# HUIJU_BROKER_ADMIN_PASSWORD (console/management user "admin"), HUIJU_BRIDGE_PASSWORD (the bridges' user
# "huiju-bridge"), HUIJU_HUB_PASSWORD (the hubs' user "huiju-hub"); each is generated and printed once if unset.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
version=2.44.0
base="${HUIJU_BROKERS:-$here/target}"
dist="$base/apache-artemis-$version"
action="${1:-start}"

secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }

fetch() {
    [ -x "$dist/bin/artemis" ] && return
    mkdir -p "$base"
    # through Maven, so the machine's repository mirror and proxy settings apply
    mvn -B -q -N -f "$repo/pom.xml" dependency:copy \
        -Dartifact="org.apache.activemq:apache-artemis:$version:tar.gz:bin" -DoutputDirectory="$base"
    tar -xzf "$base/apache-artemis-$version-bin.tar.gz" -C "$base"
}

# create <side> <console port>: an instance with this folder's broker.xml and the hub's and bridge's accounts
create() {
    local side=$1 console=$2 instance="$base/$1"
    [ -d "$instance" ] && return
    local admin="${HUIJU_BROKER_ADMIN_PASSWORD:-$(secret)}"
    local bridge="${HUIJU_BRIDGE_PASSWORD:=$(secret)}"
    local hub="${HUIJU_HUB_PASSWORD:=$(secret)}"
    export HUIJU_BRIDGE_PASSWORD HUIJU_HUB_PASSWORD
    "$dist/bin/artemis" create "$instance" --silent --force --name "huiju-$side" \
        --user admin --password "$admin" --role amq --require-login \
        --nio --java-memory 512M --http-host 127.0.0.1 --http-port "$console" \
        --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor >/dev/null
    cp "$here/$side/broker.xml" "$instance/etc/broker.xml"
    # PropertiesLoginModule re-reads these files; plain text here, chmod 600 (production: ENC() hashes,
    # `artemis mask --hash`)
    # (the files created end without a newline)
    printf '\nhuiju-bridge = %s\nhuiju-hub = %s\n' "$bridge" "$hub" >>"$instance/etc/artemis-users.properties"
    printf '\nhuiju = huiju-bridge,huiju-hub\n' >>"$instance/etc/artemis-roles.properties"
    chmod 600 "$instance/etc/artemis-users.properties"
    # the bridge logs into the other broker as huiju-bridge; broker.xml reads the password from this property
    printf '\nJAVA_ARGS="$JAVA_ARGS -Dhuiju.bridge.password=%s"\n' "$bridge" >>"$instance/etc/artemis.profile"
    chmod 600 "$instance/etc/artemis.profile"
    echo "Created $instance (console http://127.0.0.1:$console/console, user admin, password $admin)"
}

case "$action" in
start)
    fetch
    create city 8171
    create province 8172
    for side in city province; do
        if "$base/$side/bin/artemis-service" status >/dev/null 2>&1; then
            echo "$side broker already running"
        else
            "$base/$side/bin/artemis-service" start
        fi
    done
    if [ -n "${HUIJU_HUB_PASSWORD:-}" ]; then
        echo "Hub account on both brokers: huiju-hub / $HUIJU_HUB_PASSWORD (bridge account huiju-bridge / ${HUIJU_BRIDGE_PASSWORD:-})"
    fi
    echo "City broker tcp://127.0.0.1:61617, province broker tcp://127.0.0.1:61618; logs in $base/<side>/log/"
    ;;
stop)
    for side in city province; do
        [ -x "$base/$side/bin/artemis-service" ] && "$base/$side/bin/artemis-service" stop || true
    done
    ;;
status)
    for side in city province; do
        echo -n "$side: "
        if [ -x "$base/$side/bin/artemis-service" ]; then
            "$base/$side/bin/artemis-service" status || true
        else
            echo "not created"
        fi
    done
    ;;
*)
    echo "usage: $0 [start|stop|status]" >&2
    exit 2
    ;;
esac
