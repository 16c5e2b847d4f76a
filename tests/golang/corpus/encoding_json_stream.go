package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type Item struct {
	Name  string   `json:"name"`
	Price float64  `json:"price,omitempty"`
	Tags  []string `json:"tags"`
}

func main() {
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(Item{Name: "a<b>&c", Tags: []string{"x"}})
	enc.SetIndent("> ", "  ")
	enc.Encode(map[string]any{"k": []int{1, 2}, "e": map[string]int{}})
	enc.SetIndent("", "")
	enc.SetEscapeHTML(false)
	enc.Encode(Item{Name: "a<b>&c", Price: 2.5})
	fmt.Println(enc.Encode(func() {}))

	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode([]any{1, "two", nil, true})
	fmt.Printf("%q\n", buf.String())

	dec := json.NewDecoder(strings.NewReader(`{"name":"pen","price":1.5} {"name":"ink","tags":["blue"]}
	  [1, 2] 42 "s" null`))
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		fmt.Println(v, err)
	}

	// An array read element by element.
	dec = json.NewDecoder(strings.NewReader(`[{"name":"a"},{"name":"b"}]`))
	fmt.Println(dec.More())

	dec = json.NewDecoder(strings.NewReader(`{"name":"x","color":"red"}`))
	dec.DisallowUnknownFields()
	var it Item
	fmt.Println(dec.Decode(&it), it.Name)

	dec = json.NewDecoder(strings.NewReader(`{"name":"x"`))
	err := dec.Decode(&it)
	fmt.Println(err, errors.Is(err, io.ErrUnexpectedEOF), dec.Decode(&it))

	dec = json.NewDecoder(strings.NewReader(`{"name":}`))
	fmt.Println(dec.Decode(&it))

	dec = json.NewDecoder(strings.NewReader(" 12 34\n"))
	var a, b int
	fmt.Println(dec.Decode(&a), dec.Decode(&b), a, b, dec.More(), dec.Decode(&a))

	// Values written by another goroutine as they come.
	r, w := io.Pipe()
	go func() {
		e := json.NewEncoder(w)
		for i := 0; i < 3; i++ {
			e.Encode(Item{Name: fmt.Sprint("item", i), Price: float64(i)})
		}
		w.Close()
	}()
	d := json.NewDecoder(r)
	for d.More() {
		var x Item
		if err := d.Decode(&x); err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%+v\n", x)
	}
}
