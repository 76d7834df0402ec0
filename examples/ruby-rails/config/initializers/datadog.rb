# frozen_string_literal: true

require 'datadog/profiling/preload'

Datadog.configure do |c|
  c.service = 'storefront'
  c.env = ENV.fetch('RAILS_ENV', 'development')
  c.version = ENV['APP_VERSION']
  c.tags = { 'team' => 'web' }

  c.profiling.enabled = true
  c.profiling.advanced.max_events = 32_768
  c.profiling.advanced.experimental_heap_enabled = true
  c.agent.host = ENV.fetch('DD_AGENT_HOST', 'localhost')
end
