{{/* Chart name. */}}
{{- define "streamvane.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release fullname; service resources are "<fullname>-<service>". */}}
{{- define "streamvane.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Common labels. */}}
{{- define "streamvane.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "streamvane.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: streamvane
{{- end }}

{{/* Selector labels of one service: (dict "root" $ "name" "ingress"). */}}
{{- define "streamvane.selectorLabels" -}}
app.kubernetes.io/name: {{ include "streamvane.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "streamvane.componentName" -}}
{{- printf "%s-%s" (include "streamvane.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "streamvane.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "streamvane.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image of one service: (dict "root" $ "svc" $svc). */}}
{{- define "streamvane.image" -}}
{{- $g := .root.Values.global.image }}
{{- $tag := .svc.image.tag | default $g.tag | default .root.Chart.AppVersion }}
{{- if $g.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $g.registry) .svc.image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .svc.image.repository $tag }}
{{- end }}
{{- end }}

{{/* Name of the Secret loaded with envFrom, "" when none. */}}
{{- define "streamvane.envSecretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if and .Values.secrets.create (or .Values.database.password .Values.secrets.env) }}
{{- printf "%s-env" (include "streamvane.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Resources that the migration hook Job needs exist before it: with migration enabled they are hooks too
(created first, kept afterwards, replaced on each upgrade).
*/}}
{{- define "streamvane.preHookAnnotations" -}}
{{- if and .Values.migration.enabled .Values.migration.hook }}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: "-10"
helm.sh/hook-delete-policy: before-hook-creation
{{- end }}
{{- end }}

{{/*
JDBC URL of the metrics store. Passwordless sends an Entra token as the password, so it needs TLS: the URL gets
sslmode=require when it names no sslmode, and a weaker sslmode is refused.
*/}}
{{- define "streamvane.databaseUrl" -}}
{{- $db := .Values.database }}
{{- $url := $db.url | default "" }}
{{- if $db.passwordless }}
{{- include "streamvane.checkPasswordless" . }}
{{- end }}
{{- if and $db.passwordless $url }}
{{- if not (regexMatch "[?&]sslmode=" $url) }}
{{- $url = printf "%s%ssslmode=require" $url (ternary "&" "?" (contains "?" $url)) }}
{{- else if not (regexMatch "[?&]sslmode=(require|verify-ca|verify-full)(&|$)" $url) }}
{{- fail "database.passwordless sends an Entra token as the password: database.url needs sslmode=require, verify-ca or verify-full" }}
{{- end }}
{{- end }}
{{- $url }}
{{- end }}

{{/* database.maxLifetime ("30m", "90s", "1h", or plain milliseconds) in milliseconds. */}}
{{- define "streamvane.maxLifetimeMillis" -}}
{{- $given := toString .Values.database.maxLifetime }}
{{- if regexMatch "^[0-9]+$" $given }}
{{- $given }}
{{- else if regexMatch "^[0-9]+(ms|s|m|h)$" $given }}
{{- $unit := regexFind "(ms|s|m|h)$" $given }}
{{- mul (regexFind "^[0-9]+" $given | int64) (get (dict "ms" 1 "s" 1000 "m" 60000 "h" 3600000) $unit) }}
{{- else }}
{{- fail (printf "database.maxLifetime %q: give a number with ms, s, m or h, or milliseconds" $given) }}
{{- end }}
{{- end }}

{{/*
Passwordless needs the workload identity, and no password anywhere: Spring Cloud Azure leaves the URL alone
(no token plugin) as soon as spring.datasource.password has a value.
*/}}
{{- define "streamvane.checkPasswordless" -}}
{{- if not .Values.azure.workloadIdentity.enabled }}
{{- fail "database.passwordless needs azure.workloadIdentity.enabled (the Entra token is obtained with the workload identity)" }}
{{- end }}
{{- if not .Values.database.username }}
{{- fail "database.passwordless needs database.username: the managed identity's name, as its PostgreSQL role is named" }}
{{- end }}
{{- if .Values.database.password }}
{{- fail "database.passwordless and database.password exclude each other (a password switches the token plugin off)" }}
{{- end }}
{{- if hasKey (.Values.secrets.env | default dict) "SPRING_DATASOURCE_PASSWORD" }}
{{- fail "database.passwordless and secrets.env.SPRING_DATASOURCE_PASSWORD exclude each other (a password switches the token plugin off)" }}
{{- end }}
{{- if .Values.secrets.keyVault.enabled }}
{{- range .Values.secrets.keyVault.objects }}
{{- if eq (.property | default .objectName) "spring.datasource.password" }}
{{- fail "database.passwordless and a Key Vault object for spring.datasource.password exclude each other (a password switches the token plugin off)" }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
application.yml derived from the values, as YAML text: (dict "root" $ "name" "ingress" "migration" false).
Merged under global.config and services.<name>.config by streamvane.applicationYaml.
*/}}
{{- define "streamvane.baseConfig" -}}
{{- $v := .root.Values -}}
server:
  port: {{ $v.ports.http }}
  shutdown: graceful
  # Behind the ingress controller the client address comes from X-Forwarded-For (trusted from cluster-internal
  # proxies only): failed-authentication throttling counts per client, not per ingress pod.
  forward-headers-strategy: native
spring:
  lifecycle:
    timeout-per-shutdown-phase: {{ $v.shutdown.timeoutPerShutdownPhase }}
  {{- if .migration }}
  main:
    web-application-type: none
  {{- end }}
  flyway:
    # Only the migration Job migrates; without it each service applies the schema itself.
    enabled: {{ or .migration (not $v.migration.enabled) }}
  datasource:
    url: {{ include "streamvane.databaseUrl" .root | quote }}
    username: {{ $v.database.username | quote }}
    hikari:
      # Milliseconds: Hikari's setter takes a long, so "30m" would not bind.
      max-lifetime: {{ include "streamvane.maxLifetimeMillis" .root }}
    {{- if $v.database.passwordless }}
    azure:
      # Spring Cloud Azure appends the Entra token plugin to the URL; the token is the password.
      passwordless-enabled: true
    {{- end }}
  {{- if $v.secrets.keyVault.enabled }}
  config:
    import: {{ printf "optional:configtree:%s/" (trimSuffix "/" $v.secrets.keyVault.mountPath) | quote }}
  {{- end }}
  {{- if or $v.azure.workloadIdentity.enabled (and (eq .name "ingress") $v.azure.serviceBus.namespace) }}
  cloud:
    azure:
      {{- if $v.azure.workloadIdentity.enabled }}
      credential:
        client-id: {{ $v.azure.workloadIdentity.clientId | quote }}
        managed-identity-enabled: true
      {{- end }}
      {{- if $v.azure.tenantId }}
      profile:
        tenant-id: {{ $v.azure.tenantId | quote }}
      {{- end }}
      {{- if and (eq .name "ingress") $v.azure.serviceBus.namespace }}
      servicebus:
        namespace: {{ $v.azure.serviceBus.namespace | quote }}
      {{- end }}
  {{- end }}
{{- if .migration }}
streamvane:
  migration:
    exit-after-migrate: true
{{- else }}
management:
  server:
    port: {{ $v.ports.management }}
  endpoints:
    web:
      exposure:
        include: health,info,prometheus
  endpoint:
    health:
      probes:
        enabled: true
      show-components: always
      group:
        readiness:
          # Not ready while the metrics store is unreachable; liveness never checks dependencies.
          include: readinessState,db
  metrics:
    tags:
      application: {{ .name }}
{{- end }}
{{- if $v.logging.structuredFormat }}
logging:
  structured:
    format:
      console: {{ $v.logging.structuredFormat }}
{{- end }}
{{- end }}

{{/* The final application.yml of one service (or of the migration Job). */}}
{{- define "streamvane.applicationYaml" -}}
{{- $base := include "streamvane.baseConfig" . | fromYaml }}
{{- $global := deepCopy (.root.Values.global.config | default dict) }}
{{- $own := dict }}
{{- if .migration }}
{{- $own = deepCopy (.root.Values.migration.config | default dict) }}
{{- else }}
{{- $own = deepCopy ((index .root.Values.services .name).config | default dict) }}
{{- end }}
{{- $merged := mustMergeOverwrite $base $global $own }}
{{- toYaml $merged }}
{{- end }}

{{/* Container env shared by services and the migration Job: (dict "root" $ "svc" $svc). */}}
{{- define "streamvane.env" -}}
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: "optional:file:/config/"
{{- with .root.Values.jvm.extraOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- with .root.Values.global.env }}
{{ toYaml . }}
{{- end }}
{{- with .svc.env }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* envFrom for the secret env Secret. */}}
{{- define "streamvane.envFrom" -}}
{{- $secret := include "streamvane.envSecretName" . }}
{{- if $secret }}
envFrom:
  - secretRef:
      name: {{ $secret }}
{{- end }}
{{- end }}

{{/* Volumes: config, tmp, Key Vault. (dict "root" $ "configMap" name) */}}
{{- define "streamvane.volumes" -}}
volumes:
  - name: config
    configMap:
      name: {{ .configMap }}
  - name: tmp
    emptyDir: {}
  {{- if .root.Values.secrets.keyVault.enabled }}
  - name: secrets-store
    csi:
      driver: secrets-store.csi.k8s.io
      readOnly: true
      volumeAttributes:
        secretProviderClass: {{ include "streamvane.fullname" .root }}
  {{- end }}
{{- end }}

{{- define "streamvane.volumeMounts" -}}
volumeMounts:
  - name: config
    mountPath: /config
    readOnly: true
  - name: tmp
    mountPath: /tmp
  {{- if .root.Values.secrets.keyVault.enabled }}
  - name: secrets-store
    mountPath: {{ .root.Values.secrets.keyVault.mountPath }}
    readOnly: true
  {{- end }}
{{- end }}

{{/* Pod labels for workload identity. */}}
{{- define "streamvane.identityLabels" -}}
{{- if .Values.azure.workloadIdentity.enabled }}
azure.workload.identity/use: "true"
{{- end }}
{{- end }}
