# -*- encoding: utf-8 -*-
# stub: gem-licenses 0.2.2 ruby lib

Gem::Specification.new do |s|
  s.name = "gem-licenses".freeze
  s.version = "0.2.2".freeze

  s.required_rubygems_version = Gem::Requirement.new(">= 1.3.6".freeze) if s.respond_to? :required_rubygems_version=
  s.require_paths = ["lib".freeze]
  s.authors = ["Daniel Doubrovkine".freeze]
  s.date = "2018-02-16"
  s.email = "dblock@dblock.org".freeze
  s.homepage = "http://github.com/dblock/gem-licenses".freeze
  s.licenses = ["MIT".freeze]
  s.rubygems_version = "3.5.9".freeze
  s.summary = "Attempts to figure out what licenses various gems use.".freeze

  s.installed_by_version = "3.5.9".freeze if s.respond_to? :installed_by_version
end
