# frozen_string_literal: true

Datadog.configure do |c|
  c.env = 'staging'
  c.tracing.instrument :rails
  c.service = 'setup'
  c.profiling.enabled = true
end
