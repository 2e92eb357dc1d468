#!/bin/sh
# Makes the TLS test material in this directory (see README.md). Run from here; it replaces the files.
set -eu
pass=changeit
days=36500 # a hundred years: the tests must not start failing when a certificate expires
start="2020/01/01 00:00:00" # and not fail on a machine whose clock is behind
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f server.p12 ca.pem wrong-host.p12 wrong-host.pem

# A private CA, and a certificate for 127.0.0.1/localhost that it signs (TlsTest).
keytool -genkeypair -alias ca -keyalg EC -dname "CN=bkops test CA" -ext bc:c -startdate "$start" -validity $days \
  -keystore "$tmp/ca.p12" -storepass $pass -storetype PKCS12
keytool -exportcert -alias ca -rfc -file ca.pem -keystore "$tmp/ca.p12" -storepass $pass
keytool -genkeypair -alias server -keyalg EC -dname "CN=localhost" -startdate "$start" -validity $days \
  -keystore server.p12 -storepass $pass -storetype PKCS12
keytool -certreq -alias server -file "$tmp/server.csr" -keystore server.p12 -storepass $pass
keytool -gencert -alias ca -infile "$tmp/server.csr" -outfile "$tmp/server.crt" -rfc \
  -ext san=ip:127.0.0.1,dns:localhost -startdate "$start" -validity $days -keystore "$tmp/ca.p12" -storepass $pass
keytool -importcert -alias ca -file ca.pem -keystore server.p12 -storepass $pass -noprompt
keytool -importcert -alias server -file "$tmp/server.crt" -keystore server.p12 -storepass $pass -noprompt
keytool -delete -alias ca -keystore server.p12 -storepass $pass # the server presents only its own chain

# A self-signed certificate for another host than the 127.0.0.1 bkops connects to (InsecureScopeTest).
keytool -genkeypair -alias server -keyalg EC -dname "CN=wrong.example.invalid" -ext san=dns:wrong.example.invalid \
  -startdate "$start" -validity $days -keystore wrong-host.p12 -storepass $pass -storetype PKCS12
keytool -exportcert -alias server -rfc -file wrong-host.pem -keystore wrong-host.p12 -storepass $pass
