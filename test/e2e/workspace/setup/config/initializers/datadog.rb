# frozen_string_literal: true

Datadog.configure do |c|
  c.env = 'staging'
  c.tracing.instrument :rails
end
