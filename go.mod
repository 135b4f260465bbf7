module github.com/imhars/imhars

go 1.26
