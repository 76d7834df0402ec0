package main

import "gopkg.in/DataDog/dd-trace-go.v1/profiler"

func main() {
	profiler.Start(profiler.WithProfileTypes(profiler.CPUProfile, profiler.GoroutinesProfile))
}
