// The ingest service starts the profiler in code, as the Go section of the docs shows.
package main

import (
	"log"
	"net/http"
	"time"

	"github.com/DataDog/dd-trace-go/v2/profiler"
)

func main() {
	err := profiler.Start(
		profiler.WithService("ingest"),
		profiler.WithEnv("prod"),
		profiler.WithVersion("2.4.1"),
		profiler.WithTags("team:intake", "layer:api"),
		profiler.CPUDuration(30*time.Second),
		profiler.WithProfileTypes(
			profiler.CPUProfile,
			profiler.HeapProfile,
			profiler.GoroutinesProfile,
		),
	)
	if err != nil {
		log.Fatal(err)
	}
	defer profiler.Stop()
	log.Fatal(http.ListenAndServe(":8080", nil))
}
